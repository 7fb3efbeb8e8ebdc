using Inquir.Typed.Cli;

return await InquirCli.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, CancellationToken.None);
