package io.claimguard.e2eapps.clinic;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and saves through JPA, one transaction per call. */
@Service
public class ClinicService {

    @PersistenceContext
    private EntityManager entityManager;

    @Transactional(readOnly = true)
    public List<Owner> owners() {
        return entityManager.createQuery("SELECT o FROM Owner o ORDER BY o.id", Owner.class).getResultList();
    }

    @Transactional(readOnly = true)
    public Owner owner(int id) {
        return entityManager.find(Owner.class, id);
    }

    /** Saves the whole entity as the form sent it: every field, changed or not. */
    @Transactional
    public Owner save(Owner owner) {
        return entityManager.merge(owner);
    }

    @Transactional(readOnly = true)
    public List<Vet> vets() {
        return entityManager.createQuery("SELECT v FROM Vet v ORDER BY v.id", Vet.class).getResultList();
    }
}
