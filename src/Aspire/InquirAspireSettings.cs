namespace Inquir.Typed.Aspire;

/// <summary>
/// What the Aspire integration wires besides the store, bound from the <c>Aspire:Inquir</c> configuration section
/// (and <c>Aspire:Inquir:{connectionName}</c>, which wins), then changed by the caller's delegate.
/// </summary>
public sealed class InquirAspireSettings
{
    /// <summary>The configuration section the settings are read from.</summary>
    public const string SectionName = "Aspire:Inquir";

    /// <summary>Leave out the Inquir.Typed health checks (database, worker loops, backlog). Npgsql's own check follows
    /// <c>Aspire:Npgsql</c>'s settings.</summary>
    public bool DisableHealthChecks { get; set; }

    /// <summary>Leave the <c>Inquir.Typed</c> and <c>Inquir.Typed.Messaging</c> activity sources out of OpenTelemetry's tracing.</summary>
    public bool DisableTracing { get; set; }

    /// <summary>Leave the <c>Inquir.Typed</c> meter out of OpenTelemetry's metrics.</summary>
    public bool DisableMetrics { get; set; }
}
