#include "imports/profiles_columns.hpp"

namespace coach::imports {

namespace {

const std::vector<ColumnSpec> kColumns = {
    agent_employee_id_column(),
    agent_email_column(),
    {"learning_style", {"style"}},
    {"preferred_feedback_method", {"feedbackmethod", "preferredfeedback", "feedback"}},
    {"primary_motivators", {"motivators", "motivations"}},
    {"demotivators", {}},
    {"core_strengths", {"strengths"}},
    {"development_areas", {"areastodevelop", "improvementareas", "weaknesses"}},
    {"hidden_talents", {"talents"}},
    {"stress_indicators", {"stresssigns"}},
    {"success_patterns", {}},
    {"best_coaching_time", {"besttime", "coachingtime"}},
    {"preferred_session_length", {"sessionlength", "sessionminutes", "sessionlengthminutes"}},
    {"responds_well_to", {}},
    {"career_aspirations", {"aspirations", "careergoals"}},
    {"personal_goals", {"goals"}},
    {"peer_comparison_opt_in", {"peercomparison", "optin"}},
};

}  // namespace

std::span<const ColumnSpec> profiles_columns() {
    return kColumns;
}

bool profiles_list_column(std::size_t c) {
    switch (c) {
        case kProfilePrimaryMotivators:
        case kProfileDemotivators:
        case kProfileCoreStrengths:
        case kProfileDevelopmentAreas:
        case kProfileHiddenTalents:
        case kProfileStressIndicators:
        case kProfileSuccessPatterns:
        case kProfileRespondsWellTo:
            return true;
        default:
            return false;
    }
}

TemplateContent profiles_template() {
    return column_template(
        kColumns,
        {"E1001", "", "VISUAL", "Written", "Recognition; Career growth", "Micromanagement",
         "Empathy; Product knowledge", "Call control; AHT", "Mentoring", "Shorter answers",
         "Clear targets", "Morning", "30", "Examples; Call recordings",
         "Team leader within two years", "Finish the sales certification", "yes"});
}

}  // namespace coach::imports
