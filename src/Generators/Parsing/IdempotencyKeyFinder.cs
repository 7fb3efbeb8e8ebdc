using System.Threading;
using Inquir.Typed.Generators.CheckpointShapes;
using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>Finds the input member marked <c>[IdempotencyKey]</c> that supplies a start's key when the caller gives none.</summary>
    internal static class IdempotencyKeyFinder
    {
        /// <summary>The first instance member, own or inherited, that the workflow class can read; null when there is none.</summary>
        public static IdempotencyKeyModel? Find(ITypeSymbol input, INamedTypeSymbol workflow, KnownSymbols known, CancellationToken cancellationToken)
        {
            // Asking a plain positional record for its members would build every member the compiler synthesizes for it.
            if (known.IdempotencyKeyAttribute is null || PositionalRecord.HasNoAttributedMember(input, cancellationToken))
            {
                return null;
            }

            for (var t = input; t is not null; t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member.IsStatic
                        || KnownSymbols.FindAttribute(member, known.IdempotencyKeyAttribute) is null
                        || !known.Compilation.IsSymbolAccessibleWithin(member, workflow))
                    {
                        continue;
                    }

                    ITypeSymbol? memberType = member switch
                    {
                        IPropertySymbol { GetMethod: not null, Parameters.Length: 0 } p => p.Type,
                        IFieldSymbol f => f.Type,
                        _ => null,
                    };
                    if (memberType is not null)
                    {
                        return Describe(member.Name, memberType, known);
                    }
                }
            }

            return null;
        }

        private static IdempotencyKeyModel Describe(string name, ITypeSymbol memberType, KnownSymbols known)
        {
            var isNullableValue = memberType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
            var underlying = isNullableValue ? ((INamedTypeSymbol)memberType).TypeArguments[0] : memberType;
            var conversion = underlying.SpecialType == SpecialType.System_String
                ? IdempotencyKeyConversion.String
                : IsFormattable(underlying, known) ? IdempotencyKeyConversion.Formattable : IdempotencyKeyConversion.ToString;
            return new IdempotencyKeyModel(name, conversion, isNullableValue || memberType.IsReferenceType);
        }

        private static bool IsFormattable(ITypeSymbol type, KnownSymbols known)
        {
            if (KnownSymbols.Is(type, known.Formattable))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (KnownSymbols.Is(implemented, known.Formattable))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
