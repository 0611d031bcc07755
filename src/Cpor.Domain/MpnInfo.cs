namespace Cpor.Domain;

/// <summary>An MPN ID of the partner's organisation and the programs it is enrolled in.</summary>
public sealed record MpnInfo(string MpnId, IReadOnlyCollection<string> Programs);
