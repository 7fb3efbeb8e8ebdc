using System.Data.Common;

namespace Inquir.Typed.Storage;

/// <summary>What a batch start asks for (<c>StartRuns.sql</c>): the runs in order, inserted in <paramref name="Transaction"/> when the caller gives one of the store's database.</summary>
internal sealed record StartRunsRequest(IReadOnlyList<NewRun> Runs, DbTransaction? Transaction = null);
