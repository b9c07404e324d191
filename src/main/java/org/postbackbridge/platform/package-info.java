/**
 * What every module stands on: {@link Money} here, and as named interfaces the database
 * ({@code database}), the HTTP layer's errors and budgets ({@code web}) and secret handling ({@code secrets}).
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.postbackbridge.platform;

import org.springframework.modulith.ApplicationModule;
