-- Database $1: present, whether it exists, and create_statement, the statement creating it
-- (its name quoted by PostgreSQL).
SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS present,
       format('CREATE DATABASE %I', $1) AS create_statement
