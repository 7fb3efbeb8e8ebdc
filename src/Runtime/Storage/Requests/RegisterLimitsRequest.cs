using Inquir.Typed.Limits;

namespace Inquir.Typed.Storage;

/// <summary>The limits a starting worker enforces, to store by name, replacing a stored one (<c>Limits/RegisterLimits.sql</c>).</summary>
internal sealed record RegisterLimitsRequest(IReadOnlyCollection<LimitDefinition> Limits, DateTimeOffset? Now);
