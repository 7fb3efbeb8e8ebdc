using Inquir.Typed.Generators.Emitting;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.CheckpointShapes
{
    /// <summary>
    /// A property of an object while its shape is parsed: the parser's view, holding the property's type symbol, until
    /// the constructor is bound and it becomes a <see cref="ShapeMember"/>.
    /// </summary>
    internal sealed class StoredProperty
    {
        private MemberSetter _setter;
        private string? _defaultValue;

        public StoredProperty(string name, ITypeSymbol propertyType, string jsonName, ShapeRef type, bool isPlainValueType, MemberSetter setter, WriteCondition write)
        {
            Name = name;
            PropertyType = propertyType;
            JsonName = jsonName;
            Type = type;
            IsPlainValueType = isPlainValueType;
            Write = write;
            _setter = setter;
        }

        /// <summary>The property's C# name.</summary>
        public string Name { get; }

        /// <summary>The property's declared type, compared with a constructor parameter's.</summary>
        public ITypeSymbol PropertyType { get; }

        public string JsonName { get; }

        public ShapeRef Type { get; }

        public bool IsPlainValueType { get; }

        public WriteCondition Write { get; }

        /// <summary>Records that a parameter of the chosen constructor sets the property, with the parameter's default as C# source.</summary>
        public void BindToConstructor(string? defaultValue)
        {
            _setter = MemberSetter.Constructor;
            _defaultValue = defaultValue;
        }

        public ShapeMember ToMember() =>
            new(CSharpText.Identifier(Name), JsonName, Type, IsPlainValueType, _setter, Write, _defaultValue);
    }
}
