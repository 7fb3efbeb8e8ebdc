namespace Inquir.Typed.Storage;

/// <summary>The runs to count (<c>RunActivity.sql</c>): those created in [<paramref name="Since"/>, <paramref name="Until"/>), in buckets of <paramref name="BucketSeconds"/>, with the backlog at <paramref name="Now"/>.</summary>
internal sealed record RunActivityRequest(DateTimeOffset Since, DateTimeOffset Until, int BucketSeconds, DateTimeOffset? Now);
