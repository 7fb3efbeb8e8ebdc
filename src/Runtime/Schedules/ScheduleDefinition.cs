using Cronos;

namespace Inquir.Typed;

/// <summary>A schedule as this process runs it: attribute values with configuration applied, parsed and checked.</summary>
internal sealed record ScheduleDefinition(
    string Name,
    WorkflowDescriptor Workflow,
    string CronText,
    CronExpression Cron,
    TimeZoneInfo TimeZone,
    ScheduleCatchUp CatchUp,
    int MaxCatchUp,
    string? InputJson,
    bool PausedByConfiguration)
{
    /// <summary>The longest schedule name: it goes into every tick's idempotency key, which holds at most 512 characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The run's idempotency key for one tick: the same on every worker, so a tick starts one run.</summary>
    public string IdempotencyKeyOf(DateTimeOffset tick) => TickKey.Of(Name, tick);
}

/// <summary>The idempotency key of a schedule's tick: <c>schedule:{name}:{tick in UTC, ISO 8601}</c>.</summary>
internal static class TickKey
{
    public static string Of(string schedule, DateTimeOffset tick) =>
        $"schedule:{schedule}:{tick.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}";
}
