#pragma once
// PROFILES imports: each row creates or updates the profile of one agent (key: the agent, an
// AGENT in the importer's scope found by employee ID or email). A blank cell keeps the current
// value; learning_style is required for an agent without a profile. New profiles record the
// importer as profile_created_by; every changed profile as last_updated_by.
#include "imports/table_import.hpp"

namespace coach::imports {

std::unique_ptr<TableImport> make_profiles_import(const Actor& actor, const std::string& today);

}  // namespace coach::imports
