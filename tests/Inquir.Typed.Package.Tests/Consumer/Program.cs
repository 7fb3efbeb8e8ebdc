using Inquir.Typed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// A user's console app that knows Inquir.Typed only through its NuGet packages: the generated starter, the
// generated descriptor and the runtime from Inquir.Typed, the store from Inquir.Typed.Postgres, run one two-step
// workflow against PostgreSQL.
var services = new ServiceCollection();
services.AddInquir(o => o.UsePostgres(args[0], args[1]));
services.AddWorkflow<Greeter>();
await using var provider = services.BuildServiceProvider();

var hosted = provider.GetServices<IHostedService>().ToList();
foreach (var service in hosted)
{
    await service.StartAsync(CancellationToken.None);
}

var run = await provider.GetRequiredService<IWorkflowClient>().StartGreeterAsync(new NameRequest("  ada LOVELACE "));
var greeting = await run.WaitAsync(TimeSpan.FromMinutes(2));
Console.WriteLine($"result: {greeting.Text} (run {run.Id})");

foreach (var service in hosted)
{
    await service.StopAsync(CancellationToken.None);
}

public sealed record NameRequest(string Name);

public sealed record Greeting(string Text);

[Workflow("greeter")]
public sealed partial class Greeter
{
    // No StepContext and no Idempotent = true: the packaged analyzer is expected to warn (INQ2001).
    [Step]
    public string Normalize(NameRequest request) =>
        string.Join(' ', request.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

    [Step(Retries = 2, Backoff = "fixed", Delay = "50ms")]
    public Greeting Greet(string name, StepContext ctx) => new($"Hello, {name}! ({ctx.StepName}, key {ctx.IdempotencyKey.Length} chars)");
}
