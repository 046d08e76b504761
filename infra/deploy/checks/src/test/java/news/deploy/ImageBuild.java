package news.deploy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The image build as the root pom defines it (profile {@code images} and its {@code image-port-*} helpers). */
final class ImageBuild {

    private final Document pom;

    private ImageBuild(Document pom) {
        this.pom = pom;
    }

    static ImageBuild load() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new ImageBuild(factory.newDocumentBuilder().parse(Repository.ROOT.resolve("pom.xml").toFile()));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("Cannot read the root pom.xml", e);
        }
    }

    String version() {
        return child(pom.getDocumentElement(), "version").getTextContent().trim();
    }

    Element profile(String id) {
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (id.equals(child(profile, "id").getTextContent().trim())) {
                return profile;
            }
        }
        throw new AssertionError("the root pom has no profile " + id);
    }

    String property(String profile, String name) {
        Element properties = child(profile(profile), "properties");
        return properties == null || child(properties, name) == null ? null
                : child(properties, name).getTextContent().trim();
    }

    /** The Jib configuration of the images profile. */
    Element jib() {
        NodeList plugins = profile("images").getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("jib-maven-plugin".equals(child(plugin, "artifactId").getTextContent().trim())) {
                return child(plugin, "configuration");
            }
        }
        throw new AssertionError("no jib-maven-plugin in the images profile");
    }

    String jib(String path) {
        Element current = jib();
        for (String step : path.split("\\.")) {
            current = child(current, step);
            if (current == null) {
                return null;
            }
        }
        return current.getTextContent().trim();
    }

    List<String> jibList(String path, String item) {
        Element current = jib();
        for (String step : path.split("\\.")) {
            current = child(current, step);
        }
        List<String> values = new ArrayList<>();
        NodeList nodes = current.getElementsByTagName(item);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }

    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        NodeList nodes = child(child(jib(), "container"), "labels").getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element label) {
                labels.put(label.getTagName(), label.getTextContent().trim());
            }
        }
        return labels;
    }

    /** The port the image of a module exposes: its image-port-* profile, else the images profile's default. */
    int port(String module) {
        return port(module, "news.image.port");
    }

    /** The management (Actuator) port the image of a module exposes, found as {@link #port(String)}. */
    int managementPort(String module) {
        return port(module, "news.image.management-port");
    }

    private int port(String module, String property) {
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            String id = child(profile, "id").getTextContent().trim();
            if (id.equals("image-port-" + module)) {
                String activationDir = child(child(child(profile, "activation"), "file"), "exists").getTextContent();
                if (!Repository.ROOT.resolve(module).resolve(activationDir.replace("${basedir}/", "")).toFile()
                        .exists()) {
                    throw new AssertionError(id + " is activated by " + activationDir + ", which " + module
                            + " does not have");
                }
                return Integer.parseInt(property(id, property));
            }
        }
        return Integer.parseInt(property("images", property));
    }

    /** {@code news-platform/<module>:<version>}, as Jib names it. */
    String image(String module) {
        return jib("to.image").replace("${news.image.prefix}", property("images", "news.image.prefix"))
                .replace("${project.artifactId}", module).replace("${project.version}", version());
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
