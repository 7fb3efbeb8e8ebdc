using Inquir.Typed;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Inquir.Typed health checks.</summary>
public static class InquirHealthChecksBuilderExtensions
{
    /// <summary>The name of the check that PostgreSQL answers and holds the schema.</summary>
    public const string DatabaseCheckName = "inquir-database";

    /// <summary>The name of the check that this process's worker loops turn.</summary>
    public const string WorkerCheckName = "inquir-worker";

    /// <summary>The name of the check on the age of the oldest due, unclaimed run.</summary>
    public const string BacklogCheckName = "inquir-backlog";

    /// <summary>
    /// Adds three checks, all tagged <c>inquir</c>: <c>inquir-database</c> (PostgreSQL answers and holds the schema),
    /// <c>inquir-worker</c> (this process's claim and lease renewal loops turned within a bound) and
    /// <c>inquir-backlog</c> (the oldest due run has not waited too long). Needs <c>AddInquir</c>.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddHealthChecks().AddInquir(o =&gt; o.BacklogUnhealthyAfter = TimeSpan.FromMinutes(5));
    /// app.MapHealthChecks("/healthz");
    /// </code>
    /// </example>
    public static IHealthChecksBuilder AddInquir(this IHealthChecksBuilder builder, Action<InquirHealthCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<InquirHealthCheckOptions>().Validate(
            o => o.WorkerLoopStalledAfter > TimeSpan.Zero && o.BacklogDegradedAfter >= TimeSpan.Zero && o.BacklogUnhealthyAfter >= o.BacklogDegradedAfter,
            "Inquir health checks: WorkerLoopStalledAfter must be positive and BacklogUnhealthyAfter at least BacklogDegradedAfter.");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var tags = new InquirHealthCheckOptions();
        configure?.Invoke(tags);
        string[] all = ["inquir", .. tags.Tags];
        builder.Add(new HealthCheckRegistration(DatabaseCheckName, sp => ActivatorUtilities.CreateInstance<DatabaseHealthCheck>(sp), HealthStatus.Unhealthy, all));
        builder.Add(new HealthCheckRegistration(WorkerCheckName, sp => ActivatorUtilities.CreateInstance<WorkerHealthCheck>(sp), HealthStatus.Unhealthy, all));
        builder.Add(new HealthCheckRegistration(BacklogCheckName, sp => ActivatorUtilities.CreateInstance<BacklogHealthCheck>(sp), HealthStatus.Unhealthy, all));
        return builder;
    }
}
