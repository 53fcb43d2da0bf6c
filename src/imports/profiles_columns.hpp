#pragma once
// PROFILES files (agent_profiles): the columns (names and aliases) and the template. Pure.
// Natural key: the agent (agent_profiles.agent_id), named by employee ID or email. List
// columns (strengths, motivators...) hold items separated by ';'.
#include "imports/table_import.hpp"

namespace coach::imports {

enum ProfilesColumn : std::size_t {
    kProfileEmployeeId,
    kProfileEmail,
    kProfileLearningStyle,  // required for an agent without a profile
    kProfileFeedbackMethod,
    kProfilePrimaryMotivators,
    kProfileDemotivators,
    kProfileCoreStrengths,
    kProfileDevelopmentAreas,
    kProfileHiddenTalents,
    kProfileStressIndicators,
    kProfileSuccessPatterns,
    kProfileBestCoachingTime,
    kProfileSessionLength,
    kProfileRespondsWellTo,
    kProfileCareerAspirations,
    kProfilePersonalGoals,
    kProfilePeerComparisonOptIn,
    kProfileColumnCount
};

std::span<const ColumnSpec> profiles_columns();
TemplateContent profiles_template();
// Whether a column holds a ';' list (a text[] column).
bool profiles_list_column(std::size_t column);

}  // namespace coach::imports
