package io.hashfleet.console.access;

import java.time.Instant;

/** A console user as stored; the password is kept only as an Argon2id hash. */
public record User(String username, String tenantId, Role role, String passwordHash, Instant createdAt, boolean disabled) {}
