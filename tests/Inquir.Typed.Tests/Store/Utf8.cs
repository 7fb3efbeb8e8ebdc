using System.Text;

namespace Inquir.Typed.Tests.Store;

/// <summary>Inputs of the runs a store test inserts, as the UTF-8 JSON a store receives from the client.</summary>
internal static class Utf8
{
    public static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);
}
