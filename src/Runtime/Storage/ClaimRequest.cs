namespace Inquir.Typed.Storage;

/// <summary>What a claim asks for.</summary>
internal sealed record ClaimRequest(string Owner, KnownSteps Steps, int Limit, TimeSpan LeaseDuration, DateTimeOffset? Now);
