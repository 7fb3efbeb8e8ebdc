using Inquir.Typed.Dashboard.TestApp;
using Microsoft.AspNetCore.HttpOverrides;

namespace Inquir.Typed.Dashboard.TestApp;

/// <summary>
/// Builds the test app from configuration: <c>Store</c> (<c>sqlite</c> or <c>postgres</c>), <c>Sqlite</c> (the file),
/// <c>Postgres</c> and <c>Schema</c>, <c>Worker</c>, <c>ReadOnly</c>, <c>LiveRefresh</c> (a TimeSpan), <c>Authorization</c> (<c>ops</c> puts the
/// dashboard behind a policy that wants the ops role), and <c>ForwardedHeaders</c> (<c>true</c> puts the app behind
/// <c>UseForwardedHeaders</c> trusting loopback proxies, as an app behind a reverse proxy on its own machine is).
/// </summary>
public static class DashboardApp
{
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddInquir(o =>
        {
            if (configuration["Store"] == "postgres")
            {
                o.UsePostgres(configuration["Postgres"]!, configuration["Schema"] ?? "inquir");
            }
            else
            {
                o.UseSqlite("Data Source=" + (configuration["Sqlite"] ?? Path.Combine(Path.GetTempPath(), "inquir-dashboard-test.db")));
            }

            o.Worker.Enabled = configuration["Worker"] != "false";
            o.Worker.PollInterval = TimeSpan.FromMilliseconds(50);

            // One failed export in ten minutes fires this rule, so the overview has an alert to show.
            o.Alerts.Add("exports-failing", new AlertRule { Workflow = "export", ThresholdPercent = 50, MinimumCount = 1 });
            o.Alerting.EvaluationInterval = TimeSpan.FromMilliseconds(200);
        });
        builder.Services.AddWorkflow<Export>().AddWorkflow<Cleanup>().AddWorkflow<ApprovalFlow>().AddWorkflow<TenantSync>().AddWorkflow<Report>().AddWorkflow<ReportPartRows>();
        builder.Services.AddSingleton<TenantSyncGate>();
        builder.Services.AddSingleton<UploadSwitch>();
        builder.Services.AddInquirDashboard(o =>
        {
            o.ReadOnly = configuration["ReadOnly"] == "true";
            o.PageSize = int.Parse(configuration["PageSize"] ?? "50", System.Globalization.CultureInfo.InvariantCulture);
            if (configuration["LiveRefresh"] is { } refresh)
            {
                o.LiveRefresh = TimeSpan.Parse(refresh, System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        var authorization = configuration["Authorization"] == "ops";
        if (authorization)
        {
            builder.Services.AddAuthentication(TestAuthentication.SchemeName)
                .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, null);
            builder.Services.AddAuthorizationBuilder().AddPolicy("ops", policy => policy.RequireRole("ops"));
        }

        var app = builder.Build();
        if (configuration["ForwardedHeaders"] == "true")
        {
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedHost });
        }

        var dashboard = app.MapInquirDashboard("/inquir");
        if (authorization)
        {
            dashboard.RequireAuthorization("ops");
        }

        return app;
    }
}
