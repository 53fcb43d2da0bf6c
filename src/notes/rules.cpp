#include "notes/rules.hpp"

namespace coach::notes {

std::string_view priority_for(std::string_view note_type) {
    if (note_type == "URGENT" || note_type == "COMPLIANCE")
        return "HIGH";
    if (note_type == "POSITIVE" || note_type == "GENERAL")
        return "LOW";
    return "MEDIUM";
}

}  // namespace coach::notes
