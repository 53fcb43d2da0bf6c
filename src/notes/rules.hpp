#pragma once
// Quick notes' rules (docs/domain.md, "Quick notes"), pure: a note's priority follows its type
// unless the writer sets one. The deadline that follows the priority (48 h, 1 week, 2 weeks) is
// kept by the table's trigger (migration 0023), for every writer.
#include <array>
#include <string_view>

namespace coach::notes {

inline constexpr std::array<std::string_view, 5> kNoteTypes = {"POSITIVE", "COACHING", "URGENT",
                                                               "COMPLIANCE", "GENERAL"};
inline constexpr std::array<std::string_view, 3> kPriorities = {"HIGH", "MEDIUM", "LOW"};

// URGENT and COMPLIANCE: HIGH; COACHING: MEDIUM; POSITIVE and GENERAL: LOW (nothing to fix, so
// they do not press on the team leader's queue). An unknown type: MEDIUM.
std::string_view priority_for(std::string_view note_type);

}  // namespace coach::notes
