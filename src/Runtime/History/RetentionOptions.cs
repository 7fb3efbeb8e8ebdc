namespace Inquir.Typed;

/// <summary>How long finished runs are kept, and how the worker host deletes older ones.</summary>
public sealed class RetentionOptions
{
    /// <summary>Whether the host deletes expired runs periodically. Default on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a succeeded run is kept after it ended. Default 7 days.</summary>
    public TimeSpan SucceededFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a failed or cancelled run is kept after it ended: longer, because it is what operators look for. Default 30 days.</summary>
    public TimeSpan FailedFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the host deletes expired runs. Default 1 hour.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most runs one statement deletes. Default 1000.</summary>
    public int BatchSize { get; set; } = 1000;
}
