using Inquir.Typed;
using Inquir.Typed.Aspire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Adds Inquir.Typed to an Aspire service: the PostgreSQL store runs over the <see cref="Npgsql.NpgsqlDataSource"/> that
/// Aspire.Npgsql builds from the connection string the AppHost hands over (<c>ConnectionStrings:{connectionName}</c>),
/// with Npgsql's and Inquir.Typed's health checks, traces and metrics wired.
/// </summary>
public static class InquirAspireExtensions
{
    /// <summary>
    /// Adds the client and the worker on the database Aspire names <paramref name="connectionName"/>. The data source is
    /// registered keyed by that name, so an application's own <c>AddNpgsqlDataSource</c> is left alone.
    /// </summary>
    /// <param name="builder">The service's host builder.</param>
    /// <param name="connectionName">The name of the database resource in the AppHost (<c>AddDatabase("inquirdb")</c>).</param>
    /// <param name="configure">Further options (workers, limits, alerts), applied after the store is chosen.</param>
    /// <param name="configureSettings">Changes what is wired besides the store, after configuration is read.</param>
    /// <example>
    /// <code>
    /// var builder = WebApplication.CreateBuilder(args);
    /// builder.AddServiceDefaults();
    /// builder.AddInquir("inquirdb");
    /// builder.Services.AddWorkflow&lt;ExportData&gt;();
    /// </code>
    /// </example>
    public static TBuilder AddInquir<TBuilder>(
        this TBuilder builder,
        string connectionName,
        Action<InquirOptions>? configure = null,
        Action<InquirAspireSettings>? configureSettings = null)
        where TBuilder : IHostApplicationBuilder
    {
        var settings = AddStore(builder, connectionName, configureSettings);
        builder.AddInquir(o =>
        {
            o.UseNpgsqlDataSource(connectionName);
            configure?.Invoke(o);
        });
        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddInquir();
        }

        return builder;
    }

    /// <summary>
    /// Adds only what starts and watches runs, with no worker or other background service, on the database Aspire names
    /// <paramref name="connectionName"/>: for a front end whose runs another service executes. No Inquir.Typed health
    /// check is added (they watch a worker); Npgsql's check on the database is.
    /// </summary>
    /// <param name="builder">The service's host builder.</param>
    /// <param name="connectionName">The name of the database resource in the AppHost.</param>
    /// <param name="configure">Further options, applied after the store is chosen.</param>
    /// <param name="configureSettings">Changes what is wired besides the store, after configuration is read.</param>
    public static TBuilder AddInquirClient<TBuilder>(
        this TBuilder builder,
        string connectionName,
        Action<InquirOptions>? configure = null,
        Action<InquirAspireSettings>? configureSettings = null)
        where TBuilder : IHostApplicationBuilder
    {
        AddStore(builder, connectionName, configureSettings);
        builder.AddInquirClient(o =>
        {
            o.UseNpgsqlDataSource(connectionName);
            configure?.Invoke(o);
        });
        return builder;
    }

    private static InquirAspireSettings AddStore<TBuilder>(TBuilder builder, string connectionName, Action<InquirAspireSettings>? configureSettings)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var settings = new InquirAspireSettings();
        var section = builder.Configuration.GetSection(InquirAspireSettings.SectionName);
        section.Bind(settings);
        section.GetSection(connectionName).Bind(settings);
        configureSettings?.Invoke(settings);

        builder.AddKeyedNpgsqlDataSource(connectionName);
        var telemetry = builder.Services.AddOpenTelemetry();
        if (!settings.DisableTracing)
        {
            telemetry.WithTracing(t => t.AddSource(InquirTelemetry.Name, InquirTelemetry.MessagingName));
        }

        if (!settings.DisableMetrics)
        {
            telemetry.WithMetrics(m => m.AddMeter(InquirTelemetry.Name));
        }

        return settings;
    }
}
