using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.Generators.CheckpointShapes
{
    /// <summary>
    /// Reads a plain positional record class from its declaration: <c>record R(T1 A, T2 B);</c>, declared once, not
    /// generic, deriving from nothing but <c>object</c>, declaring no property, constructor, indexer or event of its own,
    /// and with no attribute, modifier or default on its parameters. System.Text.Json then stores exactly its parameters'
    /// properties, in order, all read back through the primary constructor.
    /// </summary>
    /// <remarks>
    /// Asking such a record's symbol for its members makes the compiler build every member it synthesizes for a record
    /// (equality, printing, cloning, <c>Deconstruct</c>), binding each parameter's type again for each of them. In a
    /// fresh compiler process that was most of the generator's time: 0.7 s of 1.6 s spent parsing 300 workflows with
    /// 2,100 records. Reading the parameter list binds each type once. Every other type, or a record with anything this
    /// does not look at, is read from its symbol's members; the tests check that both reads give the same shape.
    /// </remarks>
    internal static class PositionalRecord
    {
        /// <summary>The parameters' names and types, in order; null when the type is not a plain positional record class.</summary>
        /// <param name="type">The type.</param>
        /// <param name="compilation">Its compilation.</param>
        /// <param name="cache">Parameter types already bound in this parse.</param>
        /// <param name="cancellationToken">Stops the read.</param>
        public static List<(string Name, ITypeSymbol Type)>? TryRead(INamedTypeSymbol type, Compilation compilation, ParameterTypeCache cache, CancellationToken cancellationToken)
        {
            if (Declaration(type, cancellationToken) is not { ParameterList: { } parameterList, Parent: { } parent } declaration)
            {
                return null;
            }

            SemanticModel? model = null;
            var sharesScope = declaration.BaseList is null && !DeclaresTypes(declaration);
            var parameters = new List<(string Name, ITypeSymbol Type)>(parameterList.Parameters.Count);
            foreach (var parameter in parameterList.Parameters)
            {
                var syntax = parameter.Type!;
                var text = sharesScope ? syntax.ToString() : null;
                if (text is null || !cache.TryGet(parent, text, out var parameterType))
                {
                    model ??= compilation.GetSemanticModel(declaration.SyntaxTree);
                    parameterType = TypeOf(syntax, model, compilation, cancellationToken);
                    if (text is not null)
                    {
                        cache.Add(parent, text, parameterType);
                    }
                }

                if (parameterType is null)
                {
                    return null;
                }

                parameters.Add((parameter.Identifier.ValueText, parameterType));
            }

            return parameters;
        }

        /// <summary>
        /// Whether the type is a plain positional record class whose fields carry no attribute: then none of its members
        /// can carry <c>[IdempotencyKey]</c>, which applies to properties and fields only.
        /// </summary>
        public static bool HasNoAttributedMember(ITypeSymbol type, CancellationToken cancellationToken)
        {
            if (type is not INamedTypeSymbol named || Declaration(named, cancellationToken) is not { } declaration)
            {
                return false;
            }

            foreach (var member in declaration.Members)
            {
                if (member is FieldDeclarationSyntax { AttributeLists.Count: > 0 })
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The type's only declaration, when it is a plain positional record class as this class describes it.</summary>
        private static RecordDeclarationSyntax? Declaration(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            // A record with no base list derives from object; binding the base type is only needed when it has one.
            if (!type.IsRecord
                || type.TypeKind != TypeKind.Class
                || type.IsGenericType
                || type.DeclaringSyntaxReferences.Length != 1
                || type.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not RecordDeclarationSyntax { ParameterList: { } parameterList } declaration
                || !declaration.IsKind(SyntaxKind.RecordDeclaration)
                || (declaration.BaseList is not null && type.BaseType is not { SpecialType: SpecialType.System_Object }))
            {
                return null;
            }

            foreach (var member in declaration.Members)
            {
                if (!DeclaresNoStoredMember(member))
                {
                    return null;
                }
            }

            var parameters = parameterList.Parameters;
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i] is not { Type: not null, Default: null, AttributeLists.Count: 0, Modifiers.Count: 0 } || NamedBefore(parameters, i))
                {
                    return null;
                }
            }

            return declaration;
        }

        /// <summary>Whether an earlier parameter has the same name (an error the compiler reports); records have few parameters.</summary>
        private static bool NamedBefore(SeparatedSyntaxList<ParameterSyntax> parameters, int index)
        {
            for (var i = 0; i < index; i++)
            {
                if (parameters[i].Identifier.ValueText == parameters[index].Identifier.ValueText)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A keyword type (<c>int</c>, <c>string?</c>) names one type wherever it is written, so it needs no lookup.</summary>
        private static ITypeSymbol? TypeOf(TypeSyntax syntax, SemanticModel model, Compilation compilation, CancellationToken cancellationToken)
        {
            var (keyword, nullable) = syntax switch
            {
                NullableTypeSyntax { ElementType: PredefinedTypeSyntax inner } => (inner, true),
                PredefinedTypeSyntax plain => (plain, false),
                _ => (null, false),
            };
            if (keyword is not null && SpecialTypeOf(keyword.Keyword.Kind()) is { } special)
            {
                var type = compilation.GetSpecialType(special);
                return !nullable ? type
                    : type.IsValueType ? compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(type)
                    : type.WithNullableAnnotation(NullableAnnotation.Annotated);
            }

            // The type a type syntax binds to carries its type arguments' annotations but not its own, which the
            // parameter's property has and the messages show ("Node?").
            var bound = model.GetTypeInfo(syntax, cancellationToken).Type;
            return syntax is NullableTypeSyntax && bound is { IsValueType: false } ? bound.WithNullableAnnotation(NullableAnnotation.Annotated) : bound;
        }

        private static SpecialType? SpecialTypeOf(SyntaxKind keyword) => keyword switch
        {
            SyntaxKind.BoolKeyword => SpecialType.System_Boolean,
            SyntaxKind.ByteKeyword => SpecialType.System_Byte,
            SyntaxKind.SByteKeyword => SpecialType.System_SByte,
            SyntaxKind.ShortKeyword => SpecialType.System_Int16,
            SyntaxKind.UShortKeyword => SpecialType.System_UInt16,
            SyntaxKind.IntKeyword => SpecialType.System_Int32,
            SyntaxKind.UIntKeyword => SpecialType.System_UInt32,
            SyntaxKind.LongKeyword => SpecialType.System_Int64,
            SyntaxKind.ULongKeyword => SpecialType.System_UInt64,
            SyntaxKind.FloatKeyword => SpecialType.System_Single,
            SyntaxKind.DoubleKeyword => SpecialType.System_Double,
            SyntaxKind.DecimalKeyword => SpecialType.System_Decimal,
            SyntaxKind.CharKeyword => SpecialType.System_Char,
            SyntaxKind.StringKeyword => SpecialType.System_String,
            SyntaxKind.ObjectKeyword => SpecialType.System_Object,
            _ => null,
        };

        private static bool DeclaresTypes(RecordDeclarationSyntax declaration)
        {
            foreach (var member in declaration.Members)
            {
                if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Members that neither add a stored property nor change which constructor a read calls.</summary>
        private static bool DeclaresNoStoredMember(MemberDeclarationSyntax member) =>
            member is MethodDeclarationSyntax or FieldDeclarationSyntax or OperatorDeclarationSyntax
                or ConversionOperatorDeclarationSyntax or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax;
    }
}
