using Inquir.Typed;
using Inquir.Typed.Dashboard;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the Inquir.Typed dashboard needs.</summary>
public static class InquirDashboardServiceCollectionExtensions
{
    /// <summary>Adds the dashboard's options and antiforgery (its actions are forms with antiforgery tokens). Call <c>AddInquir</c> too.</summary>
    /// <example>
    /// <code>
    /// builder.Services.AddInquirDashboard(o =&gt; o.ReadOnly = true);
    /// app.MapInquirDashboard("/inquir").RequireAuthorization("ops");
    /// </code>
    /// </example>
    public static IServiceCollection AddInquirDashboard(this IServiceCollection services, Action<InquirDashboardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAntiforgery();
        var options = services.AddOptions<InquirDashboardOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.PageSize is >= 1 and <= RunQuery.MaxLimit, $"InquirDashboardOptions.PageSize must be 1 to {RunQuery.MaxLimit}.");
        options.Validate(o => o.LiveRefresh == TimeSpan.Zero || o.LiveRefresh >= TimeSpan.FromSeconds(1), "InquirDashboardOptions.LiveRefresh must be at least one second, or TimeSpan.Zero to turn the live refresh off.");
        return services;
    }
}
