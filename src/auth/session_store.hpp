#pragma once
// SQL of sign-in, sessions and password resets (the account area's routes send it).
#include <string_view>

namespace coach::auth::sql {

inline constexpr std::string_view kUserForLogin = R"sql(
SELECT id, password_hash, role, status FROM users
 WHERE lower(email) = lower($1) AND deleted_at IS NULL)sql";

// $1 user, $2 token hash (bytea), $3 csrf, $4 ip, $5 user agent, $6 absolute lifetime (s)
inline constexpr std::string_view kCreateSession = R"sql(
INSERT INTO user_sessions (user_id, token_hash, csrf_token, ip, user_agent, expires_at)
VALUES ($1::uuid, $2::bytea, $3, NULLIF($4, '')::inet, $5, now() + make_interval(secs => $6::int))
RETURNING id)sql";

inline constexpr std::string_view kTouchLogin =
    "UPDATE users SET last_login_at = now() WHERE id = $1::uuid";

inline constexpr std::string_view kRevokeSession =
    "UPDATE user_sessions SET revoked_at = now() WHERE id = $1::uuid AND revoked_at IS NULL";

inline constexpr std::string_view kRevokeOtherSessions = R"sql(
UPDATE user_sessions SET revoked_at = now()
 WHERE user_id = $1::uuid AND revoked_at IS NULL AND id IS DISTINCT FROM $2::uuid)sql";

inline constexpr std::string_view kUserPassword =
    "SELECT email, password_hash FROM users WHERE id = $1::uuid AND deleted_at IS NULL";

inline constexpr std::string_view kSetPassword = R"sql(
UPDATE users SET password_hash = $2, password_reset_token = NULL, password_reset_expires = NULL
 WHERE id = $1::uuid)sql";

// Stores the reset token's hash for one hour and queues the mail, in one statement; no row
// when the email is unknown (the caller answers 202 either way).
inline constexpr std::string_view kStartReset = R"sql(
WITH u AS (
    UPDATE users SET password_reset_token = $2, password_reset_expires = now() + interval '1 hour'
     WHERE lower(email) = lower($1) AND deleted_at IS NULL AND status <> 'TERMINATED'
    RETURNING id, email, name
)
INSERT INTO mail_outbox (to_address, subject, body_text, kind)
SELECT email, 'Reset your Coach password',
       format(E'Hello %s,\n\nTo choose a new Coach password, open this link within one hour:\n%s\n\n'
              'If you did not ask for this, ignore this message.\n', name, $3::text),
       'password_reset'
  FROM u
RETURNING (SELECT id FROM u LIMIT 1))sql";

inline constexpr std::string_view kUserByResetToken = R"sql(
SELECT id, email FROM users
 WHERE password_reset_token = $1 AND password_reset_expires > now() AND deleted_at IS NULL)sql";

// Single use: succeeds only while the token is still the stored one.
inline constexpr std::string_view kConsumeReset = R"sql(
UPDATE users SET password_hash = $3, password_reset_token = NULL, password_reset_expires = NULL
 WHERE id = $1::uuid AND password_reset_token = $2 AND password_reset_expires > now()
RETURNING id)sql";

}  // namespace coach::auth::sql
