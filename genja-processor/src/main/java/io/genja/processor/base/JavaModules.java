package io.genja.processor.base;

import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;

/**
 * The Java module a declaration belongs to, when it is compiled as part of one (a {@code module-info.java} in the
 * compilation); on the class path there is none. Generated code and files depend on it: a named module splits no
 * package with another, reads only what it requires, and finds services only through {@code provides}.
 */
public final class JavaModules {

    private JavaModules() {
    }

    /** The named module {@code element} is declared in; empty on the class path (the unnamed module). */
    public static Optional<ModuleElement> namedModuleOf(Element element) {
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            if (e instanceof PackageElement) {
                return e.getEnclosingElement() instanceof ModuleElement module && !module.isUnnamed()
                        ? Optional.of(module) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
