package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The AsyncAPI document's production server is where the production overlay's services find the brokers. */
class AsyncApiServersTest {

    @Test
    void theProductionServerOfTheAsyncApiDocumentIsTheProductionOverlaysBootstrap() {
        Map<String, Object> asyncApi = Yaml.document(Repository.ROOT.resolve("infra/contracts/asyncapi.yaml"));
        String documented = Yaml.string(asyncApi, "servers.production.host");
        String overlay = Repository.read(Repository.K8S.resolve("overlays/production/kustomization.yaml"));

        assertThat(overlay).contains("KAFKA_BOOTSTRAP_SERVERS=" + documented);
        assertThat(Yaml.string(asyncApi, "servers.local.host")).isEqualTo("127.0.0.1:9092");
    }
}
