using System.Data.Common;

namespace Inquir.Typed.Storage;

/// <summary>Checks that a caller's transaction belongs to the kind of database the store uses.</summary>
internal static class StoreTransaction
{
    /// <summary>The name the exception gives the transaction: callers pass it as <c>transaction</c> (<c>StartOptions.Transaction</c>).</summary>
    public const string ParameterName = "transaction";

    /// <summary>The transaction as <typeparamref name="T"/>; an <see cref="ArgumentException"/> naming <see cref="ParameterName"/> when it is another kind.</summary>
    public static T? As<T>(DbTransaction? transaction, string database)
        where T : DbTransaction => transaction switch
        {
            null => null,
            T matched => matched,
            _ => throw new ArgumentException(
                $"The transaction is a {transaction.GetType().Name}, but the store is {database} and takes a {typeof(T).Name} of its own database.", ParameterName),
        };
}
