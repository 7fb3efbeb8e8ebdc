using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.Model
{
    /// <summary>A diagnostic to report, as equatable values; the descriptors are static instances compared by reference.</summary>
    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs) =>
            new(descriptor, location, EquatableArray<string>.From(messageArgs));

        public Diagnostic ToDiagnostic()
        {
            var args = new object[MessageArgs.Count];
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = MessageArgs[i];
            }

            return Diagnostic.Create(Descriptor, Location?.ToLocation(), args);
        }
    }
}
