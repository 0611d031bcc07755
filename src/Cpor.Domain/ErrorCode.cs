namespace Cpor.Domain;

/// <summary>
/// One stable error code with its kind. <see cref="IsProtocol"/> marks codes about HTTP and the
/// transport (bad JSON, If-Match, rate limits...) apart from those of business rules.
/// </summary>
public sealed record ErrorCode(string Code, ErrorKind Kind, bool IsProtocol);
