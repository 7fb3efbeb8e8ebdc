using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.Store.Contract;

// The conformance suite on SQLite: every contract class once, on a fresh file.
#pragma warning disable SA1402 // one line per contract reads better than a file each

public sealed class SqliteClaimContract : ClaimContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteLimitContract : LimitContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteCompletionContract : CompletionContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteAttemptRecordContract : AttemptRecordContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteHistoryContract : HistoryContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteStartContract : StartContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();

    private protected override async Task<ForeignTransaction> ForeignTransactionAsync()
    {
        var connection = await TestDatabase.OpenAsync();
        return new ForeignTransaction(connection, await connection.BeginTransactionAsync());
    }
}

public sealed class SqlitePoisonBatchContract : PoisonBatchContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteChildWaitContract : ChildWaitContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteTelemetryContract : TelemetryContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteScheduleContract : ScheduleContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteMonitoringContract : MonitoringContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteAlertKindsContract : AlertKindsContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteCoalescedStartContract : CoalescedStartContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteRunShapeContract : RunShapeContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteRunStateContract : RunStateContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteStartPolicyContract : StartPolicyContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteQueueContract : QueueContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}

public sealed class SqliteLimitListContract : LimitListContract
{
    private protected override Task<StoreUnderTest> OpenAsync() => Stores.SqliteAsync();
}
