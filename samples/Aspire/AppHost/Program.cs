using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

// ConnectionStrings:inquirdb in the AppHost's configuration (user secrets, an environment variable) points the jobs
// service at a database you already run; without it Aspire runs PostgreSQL in a container.
var inquirdb = builder.Configuration.GetConnectionString("inquirdb") is null
    ? builder.AddPostgres("postgres").WithDataVolume().AddDatabase("inquirdb")
    : (IResourceBuilder<IResourceWithConnectionString>)builder.AddConnectionString("inquirdb");

builder.AddProject<Projects.Jobs>("jobs")
    .WithReference(inquirdb)
    .WaitFor(inquirdb)
    .WithHttpHealthCheck("/health")
    .WithUrl("/inquir", "Inquir dashboard");   // the dashboard, linked from Aspire's resource page

builder.Build().Run();
