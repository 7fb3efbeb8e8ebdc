using System.Data.Common;

namespace Inquir.Typed.Storage;

/// <summary>What a start asks for (<c>StartRun.sql</c>): the run, inserted in <paramref name="Transaction"/> when the caller gives one of the store's database.</summary>
internal sealed record StartRunRequest(NewRun Run, DbTransaction? Transaction = null);
