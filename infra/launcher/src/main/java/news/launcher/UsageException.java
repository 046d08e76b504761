package news.launcher;

/** Bad input to infra/platform: printed with the usage, exit code 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
