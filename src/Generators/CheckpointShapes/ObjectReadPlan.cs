using System.Collections.Generic;

namespace Inquir.Typed.Generators.CheckpointShapes
{
    /// <summary>
    /// How a read fills an object's members, by index into <see cref="CheckpointShape.Members"/>. Records and structs keep
    /// an init property's own initializer when the JSON lacks it, through <c>with</c>; a plain class cannot, so there
    /// every init property is assigned.
    /// </summary>
    internal sealed class ObjectReadPlan
    {
        private readonly MemberSetter[] _setters;

        public ObjectReadPlan(CheckpointShape shape)
        {
            _setters = new MemberSetter[shape.Members.Count];
            for (var i = 0; i < _setters.Length; i++)
            {
                var setter = shape.Members[i].Setter;
                _setters[i] = setter == MemberSetter.InitWithDefault && !shape.CanUseWith ? MemberSetter.Init : setter;
                if (shape.Members[i].Setter == MemberSetter.None)
                {
                    continue;
                }

                Read.Add(i);
                switch (_setters[i])
                {
                    case MemberSetter.Init:
                        Init.Add(i);
                        break;
                    case MemberSetter.InitWithDefault:
                        InitWithDefault.Add(i);
                        break;
                    case MemberSetter.Set:
                        Set.Add(i);
                        break;
                }
            }
        }

        /// <summary>Every member the JSON may fill.</summary>
        public List<int> Read { get; } = new();

        /// <summary>Members assigned in the object initializer whether or not the JSON has them.</summary>
        public List<int> Init { get; } = new();

        /// <summary>Init members with an initializer of their own, assigned only when the JSON has them.</summary>
        public List<int> InitWithDefault { get; } = new();

        /// <summary>Members with a public <c>set</c>, assigned after construction when the JSON has them.</summary>
        public List<int> Set { get; } = new();

        /// <summary>Whether the read remembers that it found the member, to assign it only then.</summary>
        public bool IsTracked(int i) => _setters[i] is MemberSetter.Set or MemberSetter.InitWithDefault;
    }
}
