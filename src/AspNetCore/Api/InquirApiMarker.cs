namespace Inquir.Typed.AspNetCore;

/// <summary>Registered by <c>AddInquirApi</c>, so that <c>MapInquirApi</c> can tell it was called.</summary>
internal sealed class InquirApiMarker;
