using Inquir.Typed;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The runtime's own data source, kept apart from any the application registers.</summary>
internal sealed class InquirDataSource(InquirOptions options) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = Build(options);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private static NpgsqlDataSource Build(InquirOptions options)
    {
        ConnectionStringCheck.ThrowIfInvalid(options.ConnectionString, nameof(InquirOptions.ConnectionString));
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "inquir";
        SessionSettings.Apply(builder.ConnectionStringBuilder, options);
        CommandTimeoutMargin.Apply(builder.ConnectionStringBuilder, options.ConnectionString!, options);
        ConnectionPoolSize.ApplyDefault(builder.ConnectionStringBuilder, options.ConnectionString!, options.Worker);
        ConnectionReset.ApplyDefault(builder.ConnectionStringBuilder, options.ConnectionString!);
        return builder.Build();
    }
}
