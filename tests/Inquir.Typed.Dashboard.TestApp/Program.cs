using Inquir.Typed.Dashboard.TestApp;

DashboardApp.Build(WebApplication.CreateBuilder(args)).Run();

/// <summary>The entry point WebApplicationFactory starts.</summary>
public partial class Program;
