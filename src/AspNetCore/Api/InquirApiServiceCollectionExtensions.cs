using Inquir.Typed.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the management HTTP API needs.</summary>
public static class InquirApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the management API's options and its OpenAPI document (<see cref="InquirApiOptions.DocumentName"/>),
    /// which lists the API's operations only; map the API with <c>app.MapInquirApi("/inquir/api")</c>.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Changes the options; <see langword="null"/> for the defaults.</param>
    /// <returns>The services.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddInquirApi(o =&gt; o.MaxBodyBytes = 64 * 1024);
    /// </code>
    /// </example>
    public static IServiceCollection AddInquirApi(this IServiceCollection services, Action<InquirApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<InquirApiOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.MaxBodyBytes > 0, $"{nameof(InquirApiOptions)}.{nameof(InquirApiOptions.MaxBodyBytes)} must be positive.");
        services.AddSingleton<InquirApiMarker>();
        services.AddOpenApi(InquirApiOptions.DocumentName, o => o.ShouldInclude = d => d.GroupName == InquirApiOptions.DocumentName);
        return services;
    }
}
