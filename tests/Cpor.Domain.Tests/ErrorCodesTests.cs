using System.Reflection;

namespace Cpor.Domain.Tests;

public class ErrorCodesTests
{
    private static readonly string[] Constants = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void All_EveryConstant_IsDeclaredWithAKind()
    {
        Assert.Equal(Constants.Order(StringComparer.Ordinal), ErrorCodes.All.Keys.Order(StringComparer.Ordinal));
        Assert.All(ErrorCodes.All.Values, e => Assert.True(Enum.IsDefined(e.Kind), $"{e.Code} has no kind"));
    }

    [Fact]
    public void Of_UnknownCode_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => ErrorCodes.Of("no_such_code"));
    }

    [Theory]
    [InlineData(ErrorCodes.VersionMismatch, ErrorKind.PreconditionFailed, true)]
    [InlineData(ErrorCodes.IfMatchRequired, ErrorKind.PreconditionRequired, true)]
    [InlineData(ErrorCodes.MalformedJson, ErrorKind.Malformed, true)]
    [InlineData(ErrorCodes.RateLimited, ErrorKind.RateLimited, true)]
    [InlineData(ErrorCodes.InvalidTransition, ErrorKind.Conflict, false)]
    [InlineData(ErrorCodes.TenantNotFound, ErrorKind.Invalid, false)]
    [InlineData(ErrorCodes.ConsentLinkInvalid, ErrorKind.NotFound, false)]
    public void Of_KnownCode_ReturnsItsDeclaration(string code, ErrorKind kind, bool protocol)
    {
        Assert.Equal(new ErrorCode(code, kind, protocol), ErrorCodes.Of(code));
    }
}
