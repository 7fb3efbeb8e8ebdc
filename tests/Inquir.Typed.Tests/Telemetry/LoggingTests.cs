using System.Reflection;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Tests.Telemetry;

public abstract class LoggingTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task A_step_logs_and_the_runtime_logs_about_its_attempt_with_the_run_workflow_step_and_attempt_in_scope()
    {
        var logs = new ScopedLogs();
        await using var host = await WorkerHost.StartAsync(
            Database, s => s.AddSingleton(new ChattyScript()).AddWorkflow<ChattyWorkflow>().AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Information)));

        var run = await host.Client.StartChattyWorkflowAsync(1);
        await run.WaitAsync(Eventually.Limit);

        var expected = new Dictionary<string, object?> { ["RunId"] = run.Id, ["Workflow"] = "chatty", ["Step"] = "Talk", ["Attempt"] = 1 };
        var fromStep = Assert.Single(logs.Lines, l => l.Category == "Inquir.Typed.Workflows.chatty" && l.Message.StartsWith("Charging order", StringComparison.Ordinal));
        Assert.Equal(expected, fromStep.Scope);
        var succeeded = Assert.Single(logs.Lines, l => l.EventId.Id == 1020 && l.Message.Contains(run.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal(expected, succeeded.Scope);
    }

    [Fact]
    public void Every_runtime_log_message_has_its_own_explicit_event_id()
    {
        var messages = typeof(InquirTelemetry).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.True(m.Attribute!.EventId > 0, $"{m.Method} has no event id"));
        var shared = messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}");
        Assert.Empty(shared);
    }
}

public sealed class PostgresLoggingTests() : LoggingTests(TestStore.Postgres);

public sealed class SqliteLoggingTests() : LoggingTests(TestStore.Sqlite);
