namespace Dispatch.Core.Tests.Access;

/// <summary>Distinct 32-byte keys for tests (the minimum a signing key may be).</summary>
internal static class TestKeys
{
    public static byte[] Key(byte seed, int length = 32) => [.. Enumerable.Range(0, length).Select(i => (byte)(seed * 31 + i))];
}
