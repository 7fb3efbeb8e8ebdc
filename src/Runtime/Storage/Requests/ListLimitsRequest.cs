namespace Inquir.Typed.Storage;

/// <summary>The limits to list, with at most <paramref name="TopKeys"/> busiest keys each (0: none read).</summary>
internal sealed record ListLimitsRequest(int TopKeys);
