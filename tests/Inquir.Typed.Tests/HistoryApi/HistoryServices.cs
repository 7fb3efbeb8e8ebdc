using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.HistoryApi;

/// <summary>The history API on a migrated schema of its own, without a worker: what an operator's tool gets.</summary>
public sealed class HistoryServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private HistoryServices(ServiceProvider provider, string schema)
    {
        _provider = provider;
        Schema = schema;
        Tables = new Infrastructure.History(schema);
    }

    public string Schema { get; }

    public IWorkflowHistory History => _provider.GetRequiredService<IWorkflowHistory>();

    public Infrastructure.History Tables { get; }

    public static async Task<HistoryServices> CreateAsync(TimeProvider? time = null, string? connectionString = null, string? schema = null)
    {
        schema ??= TestDatabase.NewSchema();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddInquir(o => o.UsePostgres(connectionString ?? TestDatabase.ConnectionString, schema));
        var provider = services.BuildServiceProvider();
        var created = new HistoryServices(provider, schema);
        await created.History.MigrateAsync();
        return created;
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
