using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inquir.Typed.Tests.Runtime;

public abstract class BadInputTests(TestStore store) : OnEveryStore(store), IAsyncLifetime
{
    private WorkerHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(new StepLog()).AddWorkflow<OrderWorkflow>(), w => w.Enabled = false);

        // The client migrates lazily; migrate up front so "no run was written" can be checked on a real table.
        await _host.Services.GetRequiredService<SchemaReadiness>().EnsureAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_null_input_is_refused_naming_the_input_and_the_workflow()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => _host.Client.StartOrderWorkflowAsync(null!));

        Assert.Equal("input", error.ParamName);
        Assert.Contains("'order'", error.Message);
        Assert.Equal(0, await Database.History.CountAsync("runs"));
    }

    [Fact]
    public async Task An_unknown_workflow_name_is_refused_listing_the_registered_ones()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.StartAsync("no-such-workflow", "{}"));

        Assert.Contains("No workflow named 'no-such-workflow' is registered", error.Message);
        Assert.Contains("order", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_idempotency_key_is_refused(string key)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.StartOrderWorkflowAsync(new OrderRequest(1, 1m), idempotencyKey: key));

        Assert.Contains("idempotency key is empty", error.Message);
    }

    [Fact]
    public async Task An_over_long_idempotency_key_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Client.StartOrderWorkflowAsync(new OrderRequest(1, 1m), idempotencyKey: new string('k', StartOptions.MaxIdempotencyKeyLength + 1)));

        Assert.Contains("at most 512", error.Message);
        Assert.Equal(0, await Database.History.CountAsync("runs"));
    }

    [Fact]
    public async Task Both_RunAt_and_Delay_are_refused()
    {
        var options = new StartOptions { RunAt = DateTimeOffset.UtcNow, Delay = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.StartOrderWorkflowAsync(new OrderRequest(1, 1m), options));

        Assert.Contains("RunAt or Delay", error.Message);
    }
}

/// <summary>On PostgreSQL also its connection string: checked where it is given, never repeated, required, and named when unreachable.</summary>
public sealed class PostgresBadInputTests() : BadInputTests(TestStore.Postgres)
{
    [Theory]
    [InlineData("not a connection string", "not valid")]
    [InlineData("", "empty")]
    [InlineData("Port=5432;Username=x", "no Host")]
    public void A_bad_connection_string_is_refused_where_it_is_given(string connectionString, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new InquirOptions().UsePostgres(connectionString));

        Assert.Equal("connectionString", error.ParamName);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_password_in_a_bad_connection_string_is_not_repeated_in_the_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new InquirOptions().UsePostgres("Host=db;Password=hunter2;Bogus Key=1"));

        Assert.DoesNotContain("hunter2", error.ToString());
    }

    [Fact]
    public async Task A_host_without_a_connection_string_does_not_start_and_says_what_is_missing()
    {
        var services = new ServiceCollection().AddInquir().AddSingleton(new StepLog()).AddWorkflow<OrderWorkflow>();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InquirOptions>>().Value);

        Assert.Contains("Inquir:ConnectionString", error.Message);
    }

    [Fact]
    public async Task An_unreachable_database_gives_an_error_that_names_the_host()
    {
        await using var host = await WorkerHost.StartAsync(
            TestDatabase.NewSchema(),
            s => s.AddSingleton(new StepLog()).AddWorkflow<OrderWorkflow>().Configure<InquirOptions>(o => o.ConnectionString = "Host=127.0.0.1;Port=1;Timeout=2"),
            w => w.Enabled = false);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.Client.StartOrderWorkflowAsync(new OrderRequest(1, 1m)));

        Assert.Contains("127.0.0.1:1", error.ToString());
    }
}

public sealed class SqliteBadInputTests() : BadInputTests(TestStore.Sqlite);
