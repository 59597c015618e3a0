/**
 * Microsoft Entra ID for Azure OpenAI: {@link dev.realtimesessions.adapter.azure.AzureIdentityTokens}
 * turns Azure Identity's {@code TokenCredential} ({@code DefaultAzureCredential}, a managed identity,
 * a workload identity, ...) into the {@link dev.realtimesessions.BearerTokenSource} that
 * {@code RealtimeSessions.Builder.azureTokenSource(...)} takes. Needs {@code com.azure:azure-identity}
 * (or just {@code azure-core}) on the class path, an optional dependency of this module. Nothing
 * here accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package dev.realtimesessions.adapter.azure;

import org.jspecify.annotations.NullMarked;
