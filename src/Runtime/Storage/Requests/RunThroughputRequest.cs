namespace Inquir.Typed.Storage;

/// <summary>What finished and failed (<c>RunThroughput.sql</c>) in [<paramref name="Since"/>, <paramref name="Until"/>), in buckets of <paramref name="BucketSeconds"/>.</summary>
internal sealed record RunThroughputRequest(DateTimeOffset Since, DateTimeOffset Until, int BucketSeconds);
