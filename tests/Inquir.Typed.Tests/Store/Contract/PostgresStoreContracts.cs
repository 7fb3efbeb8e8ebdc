using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Tests.Store.Contract;

// The conformance suite on PostgreSQL: every contract class once, on a fresh schema of the test database.
#pragma warning disable SA1402 // one line per contract reads better than a file each

public sealed class PostgresClaimContract : ClaimContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresLimitContract : LimitContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresCompletionContract : CompletionContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresAttemptRecordContract : AttemptRecordContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresHistoryContract : HistoryContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresStartContract : StartContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();

    private protected override async Task<ForeignTransaction> ForeignTransactionAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        return new ForeignTransaction(connection, await connection.BeginTransactionAsync());
    }
}

public sealed class PostgresPoisonBatchContract : PoisonBatchContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresChildWaitContract : ChildWaitContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresTelemetryContract : TelemetryContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresScheduleContract : ScheduleContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresMonitoringContract : MonitoringContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresAlertKindsContract : AlertKindsContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresCoalescedStartContract : CoalescedStartContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresRunShapeContract : RunShapeContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresRunStateContract : RunStateContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresStartPolicyContract : StartPolicyContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresQueueContract : QueueContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}

public sealed class PostgresLimitListContract : LimitListContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.PostgresAsync();
}
