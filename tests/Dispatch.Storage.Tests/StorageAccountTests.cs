namespace Dispatch.Storage.Tests;

public sealed class StorageAccountTests
{
    [Fact]
    public void Managed_identity_options_build_clients_without_a_connection_string()
    {
        var account = new StorageAccount(new StorageOptions
        {
            TableServiceUri = new Uri("https://dispatchst.table.core.windows.net"),
            QueueServiceUri = new Uri("https://dispatchst.queue.core.windows.net"),
            ClientId = "00000000-0000-0000-0000-000000000001",
            TablePrefix = "prod",
        });

        Assert.Equal("prodorders", account.Table(TableNames.Orders).Name);
        Assert.Equal("prodassignments", account.AssignmentQueueName);
        Assert.Equal("prodassignments-poison", account.PoisonQueueName);
        Assert.Equal("dispatchst", account.Tables.AccountName);
    }

    [Fact]
    public void Development_storage_shorthand_is_accepted()
    {
        var account = new StorageAccount(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" });
        Assert.Equal("orders", account.TableName(TableNames.Orders));
        Assert.Equal("assignments", account.AssignmentQueueName);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("a-b")]
    [InlineData("a_b")]
    public void Prefixes_that_cannot_start_a_table_name_are_refused(string prefix)
    {
        Assert.Throws<ArgumentException>(() =>
            new StorageAccount(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", TablePrefix = prefix }));
    }

    [Fact]
    public void A_prefix_too_long_for_a_communitys_records_table_is_refused_and_the_longest_fits()
    {
        var longest = "p" + new string('x', StorageAccount.MaxTablePrefixLength - 1);
        var account = new StorageAccount(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", TablePrefix = longest });
        Assert.Equal(63, account.TableName(ServiceRecordStore.TableOf("社区-一")).Length);
        Assert.Throws<ArgumentException>(() =>
            new StorageAccount(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", TablePrefix = longest + "x" }));
    }

    [Fact]
    public void Options_without_an_account_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new StorageAccount(new StorageOptions()));
        Assert.Throws<ArgumentException>(() =>
            new StorageAccount(new StorageOptions { TableServiceUri = new Uri("https://x.table.core.windows.net") }));
    }
}
