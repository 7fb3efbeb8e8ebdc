using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Adds Inquir.Typed to a host builder (<c>WebApplication.CreateBuilder</c>, <c>Host.CreateApplicationBuilder</c>), the way
/// .NET's own integrations are added; the same as the <see cref="IServiceCollection"/> methods on <c>builder.Services</c>.
/// </summary>
public static class InquirHostApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the client and the worker, as <see cref="InquirServiceCollectionExtensions.AddInquir(IServiceCollection, Action{Inquir.Typed.InquirOptions}?)"/>
    /// does: options from the builder's <c>Inquir</c> configuration section, then <paramref name="configure"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// var builder = WebApplication.CreateBuilder(args);
    /// builder.AddInquir(o =&gt; o.UsePostgres(builder.Configuration.GetConnectionString("jobs")!));
    /// builder.Services.AddWorkflow&lt;ExportData&gt;();
    /// </code>
    /// </example>
    public static TBuilder AddInquir<TBuilder>(this TBuilder builder, Action<Inquir.Typed.InquirOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddInquir(configure);
        return builder;
    }

    /// <summary>
    /// Adds only what starts and watches runs, with no background service, as
    /// <see cref="InquirServiceCollectionExtensions.AddInquirClient(IServiceCollection, Action{Inquir.Typed.InquirOptions}?)"/> does.
    /// </summary>
    public static TBuilder AddInquirClient<TBuilder>(this TBuilder builder, Action<Inquir.Typed.InquirOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddInquirClient(configure);
        return builder;
    }
}
